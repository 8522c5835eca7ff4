using System;
using System.Net.Http;

namespace Acme.Billing
{
    internal static class ServiceKeys
    {
        internal const string XaiApiKey = "xai-7Ugw34V261q9YnUTrGVGMt3Pu0lqxduFFePvfrVB5TfyaVqcM0JyH6HKTtR2OMtNNMvc4PtXhrUZMaMb";
        private static readonly string AzureDevopsExtPat = "qtqzvprg7iasf5xi52d4rtzxsh7cjtqk2zwkhduirwjyzsz2xnil";
        internal const string MollieApiKey = "live_rouRDs9BMKzFIbi8SSQpxBK0oY6dvg";
        private static readonly string AgoraAppCertificate = "61d6c0b414adbf1044072809c02e7745";
        internal const string LinodeToken = "fefb600b770bd4cf080a31bec13c43024dfcdb5a09e584505c87444fd7486a28";
        private static readonly string OpsgenieApiKey = "18e100b9-5f89-4223-b6cc-b8fec6653851";
        internal const string TencentcloudSecretId = "AKIDGNKaZiKK8M6EaQhRgjPup84FYkow6g7t";
        internal const string TencentcloudSecretKey = "7fHfdj2H3nY6P0N0MlS0lUwFT4Nwo3J7";

        internal static HttpClient Client() => new HttpClient();
    }
}
