using System;
using System.Net.Http;

namespace Acme.Billing
{
    internal static class ServiceKeys
    {
        internal const string GhPat = "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";
        private static readonly string MailgunApiKey = "0f64a59045789713e99f0d6f6805ba53-0cc86d46-d6b4d3cb";
        internal const string MailchimpApiKey = "521388fd01e7c2097429fbfb7a0365e5-us2";
        private static readonly string NewRelicLicenseKey = "90e59fc065a2b84638464a6306b8d1482e10NRAL";
        internal const string DdApiKey = "77d1bf8a112c5df962785463cac55d54";
        private static readonly string HfToken = "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";
        internal const string DnApiKey = "dnkey-C8A1FYKLZK3UDYV0722E590ZGN-75SN57GORVE1TEMVIJB8YT9I64OS7728EKGJM486UK156JGSJNXW";

        internal static HttpClient Client() => new HttpClient();
    }
}
