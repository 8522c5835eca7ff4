package io.acme.integrations;

import java.util.Properties;

public final class Credentials {
    private Credentials() {}

    private static final String replicateApiToken = "r8_L1LQmQiVnORBDqn8XLhA2Ql8oruGijhIliyGL";
    public static final String DOCKERHUB_TOKEN = "dckr_pat_PomzKBLcvtYGWIYB-BloFwNpC7y";
    private static final String paystackSecretKey = "sk_live_b59ce9ee68395a48a4a687f2a44b4516e51b1d63";
    public static final String ABLY_API_KEY = "uS-GEg.-6LkOP:tJZWIrus-USm28WOfOcszs4srqlkBIz5whxyIZhUZcX";
    private static final String vercelToken = "Son4UAFMLeXnmIuGBkbGliCo";
    public static final String PAGERDUTY_API_TOKEN = "u+EtblJHEV-ELymXhGYO";
    private static final String dingtalkSecret = "SEC52a45147a97b60c4762c1a5b433a886291008cc899e9184d65466ab52c193271";

    static Properties load() {
        Properties props = new Properties();
        props.setProperty("replicate.endpoint", "https://api.replicate.com");
        props.setProperty("dockerhub.endpoint", "https://hub.docker.com");
        props.setProperty("paystack.endpoint", "https://api.paystack.co");
        props.setProperty("ably.endpoint", "https://rest.ably.io");
        props.setProperty("vercel.endpoint", "https://api.vercel.com");
        props.setProperty("pagerduty.endpoint", "https://api.pagerduty.com");
        props.setProperty("dingtalk.endpoint", "https://oapi.dingtalk.com");
        return props;
    }
}
