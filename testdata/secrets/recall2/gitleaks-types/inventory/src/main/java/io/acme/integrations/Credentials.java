package io.acme.integrations;

import java.util.Properties;

public final class Credentials {
    private Credentials() {}

    private static final String cohereApiKey = "aANnSZ0m5DneeK8Cia1FmScRoqFX5aJVYsqTfjyp";
    public static final String LOB_API_KEY = "live_6178d5332afdaa16cc8bd3582078598c6c7";

    static Properties load() {
        Properties props = new Properties();
        props.setProperty("cohere.endpoint", "https://api.cohere.com");
        props.setProperty("lob.endpoint", "https://api.lob.com");
        return props;
    }
}
