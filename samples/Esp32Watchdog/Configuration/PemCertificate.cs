namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// A structural check of a CA certificate in PEM, run by the configuration check so that a
    /// truncated or mistyped certificate stops the board at boot instead of failing every
    /// handshake. The device also parses it with <c>X509Certificate</c> at boot.
    /// </summary>
    public static class PemCertificate
    {
        /// <summary>The line that starts a certificate.</summary>
        public const string Begin = "-----BEGIN CERTIFICATE-----";

        /// <summary>The line that ends a certificate.</summary>
        public const string End = "-----END CERTIFICATE-----";

        /// <summary>Checks certificate-only PEM: one or more certificate blocks of valid base64 DER, no key.</summary>
        /// <param name="pem">The PEM text.</param>
        /// <returns>Null when it looks right, else a short reason.</returns>
        public static string Check(string pem)
        {
            if (pem == null || pem.Length == 0)
            {
                return "CA certificate missing";
            }

            if (pem.IndexOf("PRIVATE KEY") >= 0)
            {
                return "CA certificate PEM holds a private key: give the certificate only";
            }

            int at = pem.IndexOf(Begin);
            if (at < 0)
            {
                return "CA certificate is not PEM (no " + Begin + ")";
            }

            int blocks = 0;
            while (at >= 0)
            {
                int body = at + Begin.Length;
                int end = pem.IndexOf(End, body);
                if (end < 0)
                {
                    return "CA certificate PEM truncated (no END line)";
                }

                string problem = CheckBase64Der(pem, body, end);
                if (problem != null)
                {
                    return problem;
                }

                blocks++;
                at = pem.IndexOf(Begin, end + End.Length);
            }

            return blocks > 0 ? null : "CA certificate missing";
        }

        // The body is base64 of a DER SEQUENCE: the first decoded byte 0x30 means the text starts
        // with 'M'. Length (without white space) a multiple of 4, '=' only at the end.
        private static string CheckBase64Der(string text, int start, int end)
        {
            int count = 0;
            int padding = 0;
            char first = '\0';
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c == ' ' || c == '\r' || c == '\n' || c == '\t')
                {
                    continue;
                }

                bool base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
                if (c == '=')
                {
                    padding++;
                }
                else if (!base64 || padding > 0)
                {
                    return "CA certificate PEM body is not base64";
                }

                if (count == 0)
                {
                    first = c;
                }

                count++;
            }

            if (count == 0 || count % 4 != 0 || padding > 2)
            {
                return "CA certificate PEM body truncated or damaged";
            }

            return first == 'M' ? null : "CA certificate PEM body is not a certificate";
        }
    }
}
