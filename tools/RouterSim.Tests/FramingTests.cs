namespace RouterSim.Tests;

public class FramingTests
{
    public static TheoryData<long, string> Vectors => new()
    {
        { 0, "00" }, { 0x7F, "7F" }, { 0x80, "8080" }, { 0x81, "8081" }, { 130, "8082" }, { 300, "812C" },
        { 0x1C42, "9C42" }, { 0x3FFE, "BFFE" }, { 0x3FFF, "BFFF" }, { 0x4000, "C04000" }, { 0x4321, "C04321" },
        { 17000, "C04268" }, { 0x1FFFFF, "DFFFFF" }, { 0x200000, "E0200000" }, { 0x2ACDEF, "E02ACDEF" },
        { 0xFFFFFFF, "EFFFFFFF" }, { 0x10000000, "F010000000" }, { 0x10000080, "F010000080" }, { 0xFFFFFFFF, "F0FFFFFFFF" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Length_vectors_encode_and_decode(long length, string hex)
    {
        Assert.Equal(hex, Convert.ToHexString(WordCodec.EncodeLength((uint)length)));
        Assert.Equal(hex, Convert.ToHexString(RawClient.EncodeLength(length)));
        int n = WordCodec.TryDecodeLength(Convert.FromHexString(hex), out uint decoded);
        Assert.Equal(hex.Length / 2, n);
        Assert.Equal((uint)length, decoded);
    }

    [Fact]
    public void Incomplete_prefix_waits_and_control_bytes_are_errors()
    {
        Assert.Equal(0, WordCodec.TryDecodeLength(new byte[] { 0x80 }, out _));
        Assert.Equal(-1, WordCodec.TryDecodeLength(new byte[] { 0xF8 }, out _));
        Assert.Equal(-1, WordCodec.TryDecodeLength(new byte[] { 0xFC }, out _));
        Assert.Equal(-1, WordCodec.TryDecodeLength(new byte[] { 0xFF }, out _));
    }

    [Fact]
    public void Sentence_sent_one_byte_at_a_time_is_understood()
    {
        using var sim = Sim.Start();
        using var client = RawClient.Connect(sim.Port);
        foreach (byte b in RawClient.Encode("/login", "=name=admin", "=password="))
        {
            client.SendRaw(new[] { b });
        }

        Assert.Equal(new[] { "!done" }, client.Read());
    }

    [Fact]
    public void Many_sentences_in_one_write_are_all_answered_in_order()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        byte[] batch = RawClient.Encode("/system/identity/print")
            .Concat(new byte[] { 0 }) // an empty sentence is ignored
            .Concat(RawClient.Encode("/system/identity/set", "=name=r1"))
            .Concat(RawClient.Encode("/system/identity/print")).ToArray();
        client.SendRaw(batch);
        Assert.Equal(new[] { "!re", "=name=MikroTik" }, client.Read());
        Assert.Equal(new[] { "!done" }, client.Read());
        Assert.Equal(new[] { "!done" }, client.Read());
        Assert.Equal(new[] { "!re", "=name=r1" }, client.Read());
        Assert.Equal(new[] { "!done" }, client.Read());
    }

    [Fact]
    public void Long_words_use_multi_byte_prefixes_both_ways()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        string name = new('n', 0x4321);
        client.Send("/system/identity/set", "=name=" + name);
        client.ReadUntilDone();
        client.Send("/system/identity/print");
        Assert.Equal(name, RawClient.Attr(client.Read(), "name"));
    }

    [Fact]
    public void Reserved_control_byte_from_client_closes_the_connection()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.SendRaw(new byte[] { 0xF8, 0x00 });
        Assert.True(client.WaitClosed(TimeSpan.FromSeconds(10)));
    }
}
