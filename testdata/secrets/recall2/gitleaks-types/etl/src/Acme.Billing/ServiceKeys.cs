using System;
using System.Net.Http;

namespace Acme.Billing
{
    internal static class ServiceKeys
    {
        internal const string NetlifyAuthToken = "nfp_v1uuxPi5Eh70tI5kBMB2XGKOuvXjxjfjaiFY3JA3";
        private static readonly string PlaidClientId = "8feb89494bf871eb83897365";
        private static readonly string PlaidSecret = "9c12a9e04b44494da69f8da9bbddfa";
        internal const string TypeformToken = "tfp_irJkNe_8CBcNIkgcPkDP2ZVzwo_roS8xqlk1Arrs-c_v_zGihwqvYrrta6Y";
        private static readonly string FinnhubApiKey = "ky6wu8wtjbfs7l90hk6d";

        internal static HttpClient Client() => new HttpClient();
    }
}
