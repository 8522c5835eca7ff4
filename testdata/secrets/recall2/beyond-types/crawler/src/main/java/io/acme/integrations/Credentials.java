package io.acme.integrations;

import java.util.Properties;

public final class Credentials {
    private Credentials() {}

    private static final String tencentcloudSecretId = "AKID17F2vtZAK1xlU1W2F871jLR9BWO7WZhK";
    private static final String tencentcloudSecretKey = "AeEu46PCwBxKyIzaty7xFpOc69YP98Rn";
    public static final String WORKOS_API_KEY = "sk_live_T4ncVqhs5dHGtlFLmWTKYuMNjiuHz2992h3zBbpCeh3y7DiH12f37A9BPG1a";
    private static final String clerkSecretKey = "sk_live_sqqQpcGEo3czmnUWnGs8vshgoxTkfjg56rkcj4hp";

    static Properties load() {
        Properties props = new Properties();
        props.setProperty("tencent.endpoint", "https://cvm.tencentcloudapi.com");
        props.setProperty("workos.endpoint", "https://api.workos.com");
        props.setProperty("clerk.endpoint", "https://api.clerk.com");
        return props;
    }
}
