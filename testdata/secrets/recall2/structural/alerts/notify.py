import requests

TEAMS_HOOK = "https://acme.webhook.office.com/webhookb2/ad42e406-2122-4339-9ec9-7469d5a3214e@ddabff2c-4946-4f7a-aa10-781e4178e910/IncomingWebhook/840ba51ae765dba12237a855d4a7fdaa/bafba022-a892-4e61-8e3d-5818d03fcb5b/V2TlrHdZroVTYdulMYDwW-8TTBwlD1UhwkbcOyDJvmi1_"
DISCORD_HOOK = "https://discord.com/api/webhooks/5736282043068160808/xicWHmG2mH_DtVcPaJVHYOctR34CIEW4gaez9w8bi4mkStMaSj0iNK4oadDaBeXiUD8k"

def notify(text):
    requests.post(TEAMS_HOOK, json={'text': text}, timeout=5)
