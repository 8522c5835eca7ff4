using System;
using System.Net.Http;

namespace Acme.Billing
{
    internal static class ServiceKeys
    {
        internal const string AlchemyApiKey = "-fH-PsKsi1m-qO2-xQ-jkkuPiAUCLImb";
        private static readonly string StoryblokOauthToken = "qci9T2KyndsXVJeclNNh5I-748692-NIGE9FSrlGMBIUXOFsiJ";
        internal const string SpaceliftApiKeyId = "DQDKTPY4HZZAJ4E4FS13Y1H9XM";
        internal const string SpaceliftApiKeySecret = "1eb883a0eceb0700689df8dd531f6a2b35557107eaaa5282672656167b1d58e3";

        internal static HttpClient Client() => new HttpClient();
    }
}
