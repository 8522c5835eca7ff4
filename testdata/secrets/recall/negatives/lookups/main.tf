  value: {{ .Values.secrets.stripe_secret_key | b64enc }}
openai_api_key = read_secret("openai-api-key")
String awsSecretAccessKey = System.getenv("AWS_SECRET_ACCESS_KEY");
datadog_api_key = os.getenv("DATADOG_API_KEY")
const datadogApiKey = process.env.DATADOG_API_KEY;
String npmToken = System.getenv("NPM_TOKEN");
export GITLAB_TOKEN="$GITLAB_TOKEN"
HEROKU_API_KEY=$(cat /run/secrets/heroku_api_key)
heroku_api_key = None
export SENTRY_AUTH_TOKEN="$SENTRY_AUTH_TOKEN"
  value: {{ .Values.secrets.database_password | b64enc }}
String vaultToken = System.getenv("VAULT_TOKEN");
const hfToken = process.env.HF_TOKEN;
groq_api_key = os.environ["GROQ_API_KEY"]
shopify_access_token = settings.SHOPIFY_ACCESS_TOKEN
azure_client_secret = None
