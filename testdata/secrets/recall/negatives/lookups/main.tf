stripe_secret_key = settings.STRIPE_SECRET_KEY
aws_secret_access_key = os.getenv("AWS_SECRET_ACCESS_KEY")
aws_secret_access_key = config.get("aws-secret-access-key")
  value: {{ .Values.secrets.npm_token | b64enc }}
gitlab_token = ENV.fetch("GITLAB_TOKEN")
anthropic_api_key = config.get("anthropic-api-key")
anthropic_api_key = settings.ANTHROPIC_API_KEY
SENTRY_AUTH_TOKEN: ${{ secrets.SENTRY_AUTH_TOKEN }}
database_password: !vault | $ANSIBLE_VAULT;1.1;AES256
database_password = ENV.fetch("DATABASE_PASSWORD")
const paypalClientSecret = process.env.PAYPAL_CLIENT_SECRET;
paypal_client_secret = settings.PAYPAL_CLIENT_SECRET
DD_APP_KEY=$(cat /run/secrets/dd_app_key)
hf_token = os.getenv("HF_TOKEN")
hf_token: !vault | $ANSIBLE_VAULT;1.1;AES256
GROQ_API_KEY: ${{ secrets.GROQ_API_KEY }}
groq_api_key = ENV.fetch("GROQ_API_KEY")
  value: {{ .Values.secrets.shopify_access_token | b64enc }}
