  stripe_secret_key = var.stripe_secret_key
  value: {{ .Values.secrets.github_token | b64enc }}
openaiApiKey: process.env.OPENAI_API_KEY ?? ''
export OPENAI_API_KEY="$OPENAI_API_KEY"
openai_api_key = getpass.getpass("openai-api-key: ")
  value: {{ .Values.secrets.sendgrid_api_key | b64enc }}
SENDGRID_API_KEY: ${{ secrets.SENDGRID_API_KEY }}
mailgun_api_key = os.getenv("MAILGUN_API_KEY")
npm_token = os.getenv("NPM_TOKEN")
ANTHROPIC_API_KEY=$(cat /run/secrets/anthropic_api_key)
export DATABASE_PASSWORD="$DATABASE_PASSWORD"
database_password = ENV.fetch("DATABASE_PASSWORD")
JWT_SECRET: ${JWT_SECRET}
String cloudflareApiToken = System.getenv("CLOUDFLARE_API_TOKEN");
cloudflare_api_token = read_secret("cloudflare-api-token")
const vaultToken = process.env.VAULT_TOKEN;
  value: {{ .Values.secrets.paypal_client_secret | b64enc }}
paypal_client_secret = read_secret("paypal-client-secret")
hf_token: !vault | $ANSIBLE_VAULT;1.1;AES256
hf_token = None
GROQ_API_KEY: ${{ secrets.GROQ_API_KEY }}
groqApiKey: process.env.GROQ_API_KEY ?? ''
AZURE_CLIENT_SECRET=$(cat /run/secrets/azure_client_secret)
password = ""
