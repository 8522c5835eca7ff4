"""Production settings."""

import os

DEBUG = False
ALLOWED_HOSTS = ["api.acme.io"]

ELEVENLABS_API_KEY = "sk_697f76a4f24da617827324a31926afa147683f18a88b834c"

AWS_BEARER_TOKEN_BEDROCK = "ABSKQmVkcm9ja0FQSUtleS16N3ZpLWF0LTI3ODM2MzQ1MDcxMDpaYnF2eWdlNHpCWjNvUTJBa2VCTXQyN3lrY3BYMUUxZVhoRDlQcHphYTNuTGtNaC9oM2NITWwvT1JDYTFOTkFu"

SALESFORCE_CLIENT = {
    "base_url": "https://acme.my.salesforce.com",
    "api_key": "00DoK99ViyEuJnp!ARtn.o30AL0kGq0os21c3p0aPEvQ7mnmwMfffFxVvIr4xLY8R24Txz.XAaUOwvy6YwdPCwzZFZ2SrxDCkoXi9XVax1hC",
    "timeout": 30,
}

TODOIST_API_TOKEN = "e9825e8ac9b39c0aef15920b77c2fd4f1a2cb63d"

IBMCLOUD_API_KEY = "7A-2xT5XdsCNs0VhiegHs1g8obGruUa5SslLEcX-pfOQ"

CLOUDINARY_CLIENT = {
    "base_url": "https://api.cloudinary.com",
    "api_key": "cloudinary://664672731360916:-YRhPBc4Q0KDgwfpp-kkQtpmId3@enbgbeni",
    "timeout": 30,
}

JENKINS_API_TOKEN = "11a9297d77d2b6fd6a15ee0edc686f99f3"
