package io.acme.integrations;

import java.util.Properties;

public final class Credentials {
    private Credentials() {}

    private static final String githubRefreshToken = "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BKfOQA5dQeynVgtIhuaEIzSmrJgi2yTTZrHv";
    public static final String SENDGRID_API_KEY = "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";
    private static final String newRelicApiKey = "NRAK-I7WPWZT23THSBRTWCMYO8BKGY1Q";
    public static final String GRAFANA_CLOUD_TOKEN = "glc_eyJvIjoiNTAzMjI5IiwibiI6InN0YWNrLWw1Y2ppOC1kZXBsb3kiLCJrIjoiVVMyMUdQbkJwUnlyb0h6UWt4aGpHWXdYIiwibSI6eyJyIjoicHJvZC11cy1lYXN0LTAifX0=";
    private static final String contentfulManagementToken = "CFPAT-o9Pj_5q5TMCLqu3mU5CQPSBcJ7hTyT8Y0gsQq_xAiuE";
    public static final String MAPBOX_SECRET_TOKEN = "sk.eyJ1IjoibWZ3ZGhwcGp0IiwiYSI6IjN2MGNpNm5meWFhZXRnNHNwdHJyNWd2angifQ.MInrIR7J1BboyX21DD5LfN";
    private static final String twitterBearerToken = "AAAAAAAAAAAAAAAAAAAAAAN9xhrrWHWuTtiELTGjXszsiVM6xjpA3DnTiPO0sxvpbt6%eyCyV%dODn0diw9zDKNQytfcZNToCkBcB9";

    static Properties load() {
        Properties props = new Properties();
        props.setProperty("github.endpoint", "https://github.com");
        props.setProperty("sendgrid.endpoint", "https://api.sendgrid.com");
        props.setProperty("newrelic.endpoint", "https://api.newrelic.com");
        props.setProperty("grafana.endpoint", "https://grafana.net");
        props.setProperty("contentful.endpoint", "https://api.contentful.com");
        props.setProperty("mapbox.endpoint", "https://api.mapbox.com");
        props.setProperty("twitter.endpoint", "https://api.twitter.com");
        return props;
    }
}
