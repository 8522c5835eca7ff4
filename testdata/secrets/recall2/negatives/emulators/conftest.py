import pytest

AZURITE_ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

@pytest.fixture
def blob_service():
    from azure.storage.blob import BlobServiceClient
    return BlobServiceClient('http://127.0.0.1:10000/devstoreaccount1', credential={'account_name': 'devstoreaccount1', 'account_key': AZURITE_ACCOUNT_KEY})
