password = ""
slack_bot_token = os.environ["SLACK_BOT_TOKEN"]
aws_secret_access_key = settings.AWS_SECRET_ACCESS_KEY
  value: {{ .Values.secrets.aws_secret_access_key | b64enc }}
sendgrid_api_key = os.environ["SENDGRID_API_KEY"]
const twilioAuthToken = process.env.TWILIO_AUTH_TOKEN;
DATADOG_API_KEY=$(cat /run/secrets/datadog_api_key)
gitlab_token = ENV.fetch("GITLAB_TOKEN")
String gitlabToken = System.getenv("GITLAB_TOKEN");
  sentry_auth_token = var.sentry_auth_token
  value: {{ .Values.secrets.database_password | b64enc }}
jwt_secret = config.get("jwt-secret")
  value: {{ .Values.secrets.cloudflare_api_token | b64enc }}
cloudflare_api_token = config.get("cloudflare-api-token")
  paypal_client_secret = var.paypal_client_secret
  value: {{ .Values.secrets.dd_app_key | b64enc }}
const hfToken = process.env.HF_TOKEN;
  value: {{ .Values.secrets.shopify_access_token | b64enc }}
  value: {{ .Values.secrets.azure_client_secret | b64enc }}
