password = ""
String githubToken = System.getenv("GITHUB_TOKEN");
githubToken: process.env.GITHUB_TOKEN ?? ''
const githubToken = process.env.GITHUB_TOKEN;
aws_secret_access_key = None
twilio_auth_token = settings.TWILIO_AUTH_TOKEN
mailgun_api_key = config.get("mailgun-api-key")
gitlab_token = vault.read("secret/data/gitlab-token")["data"]["value"]
heroku_api_key = settings.HEROKU_API_KEY
  database_password = var.database_password
jwtSecret: process.env.JWT_SECRET ?? ''
jwt_secret = config.get("jwt-secret")
vault_token: !vault | $ANSIBLE_VAULT;1.1;AES256
paypal_client_secret = ENV.fetch("PAYPAL_CLIENT_SECRET")
DD_APP_KEY: ${{ secrets.DD_APP_KEY }}
groq_api_key = settings.GROQ_API_KEY
shopify_access_token = None
export SHOPIFY_ACCESS_TOKEN="$SHOPIFY_ACCESS_TOKEN"
azure_client_secret = os.getenv("AZURE_CLIENT_SECRET")
