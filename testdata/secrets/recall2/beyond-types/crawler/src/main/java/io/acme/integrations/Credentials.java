package io.acme.integrations;

import java.util.Properties;

public final class Credentials {
    private Credentials() {}

    private static final String infuraApiKeySecret = "a89b01f474485d16a3c8d78490630fa3";
    public static final String ALCHEMY_API_KEY = "InikyUplgFzs9P-6n2xr2L13cOIgI-F7";
    private static final String contentstackManagementToken = "cs04dd52924849d106b85df24a9793f273";
    public static final String CALENDLY_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguY2FsZW5kbHkuY29tIiwiaWF0IjoxNzM0Mjk1NjQ1LCJqdGkiOiI4ODhiOWEzMi03MDBlLTQxM2YtYjBjNS0wY2NiY2I1YWUxY2YiLCJ1c2VyX3V1aWQiOiJlNDIwYjFiMC1mZDdmLTQzYmYtYmIyNC1hM2UwYzNjYWE4NWMifQ.aIbz7GNBezs9WBUAG8wUwQhYj1FVB4zxCBECTnP8Riw";
    private static final String spaceliftApiKeyId = "QMVJZXHM0DW1YB71EGFU0MR8C3";
    private static final String spaceliftApiKeySecret = "f3e767cd1e7ee4afb2d30d46fc03ea9cc5fa4e76e571cbb350a54d0975d499e2";

    static Properties load() {
        Properties props = new Properties();
        props.setProperty("infura.endpoint", "https://mainnet.infura.io");
        props.setProperty("alchemy.endpoint", "https://eth-mainnet.g.alchemy.com");
        props.setProperty("contentstack.endpoint", "https://api.contentstack.io");
        props.setProperty("calendly.endpoint", "https://api.calendly.com");
        props.setProperty("spacelift.endpoint", "https://acme.app.spacelift.io");
        return props;
    }
}
