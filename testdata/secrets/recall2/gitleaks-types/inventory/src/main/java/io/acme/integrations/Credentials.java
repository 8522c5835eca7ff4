package io.acme.integrations;

import java.util.Properties;

public final class Credentials {
    private Credentials() {}

    private static final String cohereApiKey = "wm1H5ACQfW9kUakECFregNGkv6PaEmqkiuUaANnS";
    public static final String LOB_API_KEY = "live_ec6ced12706e6178d5332afdaa16cc8bd35";
    private static final String doApiToken = "8aed1cbbbb2cfbb4da86919473960b5cb030d0817625878a622c261b4fdda165";

    static Properties load() {
        Properties props = new Properties();
        props.setProperty("cohere.endpoint", "https://api.cohere.com");
        props.setProperty("lob.endpoint", "https://api.lob.com");
        props.setProperty("digitalocean.endpoint", "https://api.digitalocean.com");
        return props;
    }
}
