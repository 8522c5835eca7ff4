openai_api_key = config.get("openai-api-key")
  value: {{ .Values.secrets.datadog_api_key | b64enc }}
mailgun_api_key = ENV.fetch("MAILGUN_API_KEY")
npm_token = config.get("npm-token")
npm_token = settings.NPM_TOKEN
ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}
heroku_api_key: !vault | $ANSIBLE_VAULT;1.1;AES256
heroku_api_key = ENV.fetch("HEROKU_API_KEY")
const cloudflareApiToken = process.env.CLOUDFLARE_API_TOKEN;
cloudflare_api_token = settings.CLOUDFLARE_API_TOKEN
VAULT_TOKEN=$(cat /run/secrets/vault_token)
paypal_client_secret = os.getenv("PAYPAL_CLIENT_SECRET")
paypal_client_secret: !vault | $ANSIBLE_VAULT;1.1;AES256
DD_APP_KEY: ${{ secrets.DD_APP_KEY }}
dd_app_key = ENV.fetch("DD_APP_KEY")
  value: {{ .Values.secrets.hf_token | b64enc }}
azure_client_secret: !vault | $ANSIBLE_VAULT;1.1;AES256
