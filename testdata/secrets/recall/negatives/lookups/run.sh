stripe_secret_key = None
aws_secret_access_key = getpass.getpass("aws-secret-access-key: ")
export SENDGRID_API_KEY="$SENDGRID_API_KEY"
  value: {{ .Values.secrets.twilio_auth_token | b64enc }}
password = ""
twilio_auth_token = config.get("twilio-auth-token")
  npm_token = var.npm_token
gitlab_token = None
gitlab_token = config.get("gitlab-token")
heroku_api_key = config.get("heroku-api-key")
heroku_api_key = vault.read("secret/data/heroku-api-key")["data"]["value"]
export DATABASE_PASSWORD="$DATABASE_PASSWORD"
jwtSecret: process.env.JWT_SECRET ?? ''
vault_token = None
hf_token = config.get("hf-token")
String shopifyAccessToken = System.getenv("SHOPIFY_ACCESS_TOKEN");
