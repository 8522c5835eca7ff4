"""Production settings."""

import os

DEBUG = False
ALLOWED_HOSTS = ["api.acme.io"]

RENDER_API_KEY = "rnd_YwVyqhXWeXoEZbCqncKscv9fVW49"

POSTHOG_PERSONAL_API_KEY = "phx_QwUBHOjYw1wWK9Of14PqKoDE7gjJmSkdHYKjo9zDZym"

TELNYX_CLIENT = {
    "base_url": "https://api.telnyx.com",
    "api_key": "KEY5BWAUT4RK6VUJJ5OTDAKVAQACBDAZO0H_mnmwMfffFxVvIr4xLY8R24",
    "timeout": 30,
}

MAILJET_API_KEY = "fe0f5110ee49a2be78c9461d0e72eba6"
MAILJET_SECRET_KEY = "3a65d2002ce8c56ebea5f2420f7f4d35"

BROWSERSTACK_USERNAME = "ubhfrpkh_aw78fn"
BROWSERSTACK_ACCESS_KEY = "reDn3LcNAYDrgSh9MI5t"

CYPRESS_CLIENT = {
    "base_url": "https://api.cypress.io",
    "api_key": "60195950-edff-484e-bd55-98cd8ce4f627",
    "timeout": 30,
}

AKAMAI_ACCESS_TOKEN = "akab-sfubla2dqt9wne1r-yuggto7o5659iiba"
AKAMAI_CLIENT_SECRET = "phK6b2CIEH3/A1fuIg0bLPDw4qQAn9b2b7nZgQzoAilz"
