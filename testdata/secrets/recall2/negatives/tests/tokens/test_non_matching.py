import pytest

from acme.tokens import looks_like_token

NON_MATCHING = {
    "invalidGithubToken": "ghp_SLxSp7GFXVzF",
    "tooShortStripeKey": "sk_live_YPVwUA",
    "badPrefixToken": "ghx_FFmGUolNHjhW03V47U1dp7kFX5U4ghIbbRiF",
    "wrongAlphabetSlack": "xoxb-qjqwvjrzis-nwrlfuckyk",
    "truncatedAwsKey": "AKIA79BUEUX1",
    "nonMatchingNpm": "npm_FFoCt7m3im",
    "shouldNotMatchOpenAI": "sk-WbJHxMDHI6",
    "notAJwt": "eyJhbGciOi.not-a.jwt",
    "malformedGitlab": "glpat-lW30DI6K",
    "rejectsLowercaseAws": "akian203k3hgg45u9b05",
    "invalidSendgrid": "SG.VX1yIRK83a",
    "missingChecksum": "ghp_KIg73MFn0PUot81N9bj2LMa8",
}

@pytest.mark.parametrize('name', NON_MATCHING)
def test_non_matching(name):
    assert not looks_like_token(NON_MATCHING[name])
