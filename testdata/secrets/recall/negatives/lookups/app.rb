STRIPE_SECRET_KEY=$(cat /run/secrets/stripe_secret_key)
stripe_secret_key = getpass.getpass("stripe-secret-key: ")
github_token = read_secret("github-token")
openai_api_key: !vault | $ANSIBLE_VAULT;1.1;AES256
export SLACK_BOT_TOKEN="$SLACK_BOT_TOKEN"
aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]
const awsSecretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
sendgrid_api_key = settings.SENDGRID_API_KEY
twilio_auth_token = os.getenv("TWILIO_AUTH_TOKEN")
datadog_api_key = read_secret("datadog-api-key")
npm_token = os.environ["NPM_TOKEN"]
gitlab_token = os.getenv("GITLAB_TOKEN")
anthropic_api_key = os.environ["ANTHROPIC_API_KEY"]
JWT_SECRET: ${JWT_SECRET}
jwt_secret = vault.read("secret/data/jwt-secret")["data"]["value"]
password = ""
paypalClientSecret: process.env.PAYPAL_CLIENT_SECRET ?? ''
export PAYPAL_CLIENT_SECRET="$PAYPAL_CLIENT_SECRET"
