STRIPE_SECRET_KEY=$(cat /run/secrets/stripe_secret_key)
stripe_secret_key = vault.read("secret/data/stripe-secret-key")["data"]["value"]
slack_bot_token = getpass.getpass("slack-bot-token: ")
slack_bot_token: !vault | $ANSIBLE_VAULT;1.1;AES256
slack_bot_token = config.get("slack-bot-token")
awsSecretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? ''
aws_secret_access_key = ENV.fetch("AWS_SECRET_ACCESS_KEY")
npm_token = vault.read("secret/data/npm-token")["data"]["value"]
String gitlabToken = System.getenv("GITLAB_TOKEN");
jwt_secret = read_secret("jwt-secret")
password = ""
paypal_client_secret = settings.PAYPAL_CLIENT_SECRET
dd_app_key = config.get("dd-app-key")
