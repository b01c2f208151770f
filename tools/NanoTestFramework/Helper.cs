namespace nanoFramework.TestFramework
{
    /// <summary>
    /// The launcher's attribute rule, public in nanoFramework.TestFramework 3.x: a method with [DataRow]s
    /// runs once per row and not also plainly for its [TestMethod].
    /// </summary>
    public static class Helper
    {
        /// <summary>
        /// Returns the attributes without [TestMethod] when a [DataRow] is among them, else the same array.
        /// </summary>
        /// <param name="attribs">A method's custom attributes, in metadata order.</param>
        /// <returns>The attributes the launcher walks; their positions are the case indexes it reports.</returns>
        public static object[] RemoveTestMethodIfDataRowExists(object[] attribs)
        {
            int testMethods = attribs.CountOf(typeof(TestMethodAttribute));
            if (testMethods == 0 || attribs.CountOf(typeof(DataRowAttribute)) == 0)
            {
                return attribs;
            }

            var kept = new object[attribs.Length - testMethods];
            int next = 0;
            foreach (object attribute in attribs)
            {
                if (attribute.GetType().FullName != typeof(TestMethodAttribute).FullName)
                {
                    kept[next++] = attribute;
                }
            }

            return kept;
        }

        /// <summary>How many of the attributes are of the type (matched by full name, as on the device).</summary>
        private static int CountOf(this object[] attributes, System.Type type)
        {
            int count = 0;
            foreach (object attribute in attributes)
            {
                if (attribute.GetType().FullName == type.FullName)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
