package io.acme.integrations;

import java.util.Properties;

public final class Credentials {
    private Credentials() {}

    private static final String tavilyApiKey = "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";
    public static final String AWS_BEARER_TOKEN_BEDROCK = "ABSKQmVkcm9ja0FQSUtleS05bnJhLWF0LTUxMzQwMTgyMDA2MDpNZUI0NGVpTDFoa0N4NjNETVc3OHM4dTJ1d1NSSzkyL2VJaG8vZGx6YUphNWFvNEFYclRZREJmaFJ2SWhkaWsw";
    private static final String ghostAdminApiKey = "ad26745834aeb8844e103423:a1a40acc1b8db04862eae45fa54d666d5e5686dda25a683185c2570360933a99";
    public static final String WAKATIME_API_KEY = "waka_8d5cc427-871b-42ec-ba9c-fefb600b770b";
    private static final String pubnubSecretKey = "sec-c-RYKhHeMxo1f9UykcJuRNtnRBHjHZ5wKvQlMoqkrgoawa41TX";
    public static final String JENKINS_API_TOKEN = "11cb5f1fbb0320685d4d6796c6d840c57e";
    private static final String teamcityToken = "eyJ0eXAiOiAiVENWMiJ9.1nzlxaugCKpZlxYzKYb0JTDVsWrT4AnxyVcQ.iaBKcViRNqpQyf33-0XLqTXFQcpmcvYBwTfYLwFoUvTMOpig";

    static Properties load() {
        Properties props = new Properties();
        props.setProperty("tavily.endpoint", "https://api.tavily.com");
        props.setProperty("aws.endpoint", "https://bedrock-runtime.us-east-1.amazonaws.com");
        props.setProperty("ghost.endpoint", "https://blog.example.ghost.io");
        props.setProperty("wakatime.endpoint", "https://wakatime.com");
        props.setProperty("pubnub.endpoint", "https://ps.pndsn.com");
        props.setProperty("jenkins.endpoint", "https://jenkins.internal");
        props.setProperty("teamcity.endpoint", "https://teamcity.internal");
        return props;
    }
}
