import requests

TEAMS_HOOK = "https://acme.webhook.office.com/webhookb2/7abeb352-b170-469f-93a8-cb4b244cc287@b39836c3-9b0c-498a-aaf5-f54e4ed46a10/IncomingWebhook/94737d50e238d98ca03ee127d212d20d/025ac4eb-7e5f-45fb-b7b4-5684e054e9df/V2MeUgolNLB-nLhPdZ21Qhjie12pCDD_ggYwhToG9vpQR"
DISCORD_HOOK = "https://discord.com/api/webhooks/4944065906590808677/pt6xzHG-WUrJuIWpagBnAIwFtbPijEwdV6s-vmKr323s54v_RgAQtS__p0qcFI1kmEW-"

def notify(text):
    requests.post(TEAMS_HOOK, json={'text': text}, timeout=5)
