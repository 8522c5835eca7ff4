using System;
using System.Net.Http;

namespace Acme.Billing
{
    internal static class ServiceKeys
    {
        internal const string ClerkSecretKey = "sk_live_3zpndKgLZuiBIwufbEBNzqFqRlDOk2KeTjAqjhJp";

        internal static HttpClient Client() => new HttpClient();
    }
}
