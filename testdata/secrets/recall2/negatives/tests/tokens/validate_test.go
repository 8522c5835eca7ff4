package tokens

import "testing"

func TestRejectsMalformedTokens(t *testing.T) {
	cases := []string{
		"ghp_3UVvgWuosuE1", // invalidGithubToken
		"sk_live_sLSNYJ", // tooShortStripeKey
		"ghx_GmPRRI7Tp4qXZfBBuoI1RWldxdZy4TW68A3C", // badPrefixToken
		"xoxb-prpibzibjh-vdemplqlwp", // wrongAlphabetSlack
		"AKIAVQJ1511G", // truncatedAwsKey
		"npm_ujWu4bNoIV", // nonMatchingNpm
		"sk-gSX5WQ32ZY", // shouldNotMatchOpenAI
		"eyJhbGciOi.not-a.jwt", // notAJwt
		"glpat-hBjiFcDK", // malformedGitlab
		"akia4v9f8c4da1cqgdml", // rejectsLowercaseAws
		"SG.kiNe6mEatC", // invalidSendgrid
		"ghp_K9olCvjSGO37Uqc8PMyXCLDZ", // missingChecksum
	}
	for _, c := range cases {
		if Valid(c) {
			t.Errorf("%q accepted", c)
		}
	}
}
