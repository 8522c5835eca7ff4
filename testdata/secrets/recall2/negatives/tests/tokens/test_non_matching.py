import pytest

from acme.tokens import looks_like_token

NON_MATCHING = {
    "invalidGithubToken": "ghp_3UVvgWuosuE1",
    "tooShortStripeKey": "sk_live_sLSNYJ",
    "badPrefixToken": "ghx_GmPRRI7Tp4qXZfBBuoI1RWldxdZy4TW68A3C",
    "wrongAlphabetSlack": "xoxb-prpibzibjh-vdemplqlwp",
    "truncatedAwsKey": "AKIAVQJ1511G",
    "nonMatchingNpm": "npm_ujWu4bNoIV",
    "shouldNotMatchOpenAI": "sk-gSX5WQ32ZY",
    "notAJwt": "eyJhbGciOi.not-a.jwt",
    "malformedGitlab": "glpat-hBjiFcDK",
    "rejectsLowercaseAws": "akia4v9f8c4da1cqgdml",
    "invalidSendgrid": "SG.kiNe6mEatC",
    "missingChecksum": "ghp_K9olCvjSGO37Uqc8PMyXCLDZ",
}

@pytest.mark.parametrize('name', NON_MATCHING)
def test_non_matching(name):
    assert not looks_like_token(NON_MATCHING[name])
