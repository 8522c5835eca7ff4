package tokens

import "testing"

func TestRejectsMalformedTokens(t *testing.T) {
	cases := []string{
		"ghp_SLxSp7GFXVzF", // invalidGithubToken
		"sk_live_YPVwUA", // tooShortStripeKey
		"ghx_FFmGUolNHjhW03V47U1dp7kFX5U4ghIbbRiF", // badPrefixToken
		"xoxb-qjqwvjrzis-nwrlfuckyk", // wrongAlphabetSlack
		"AKIA79BUEUX1", // truncatedAwsKey
		"npm_FFoCt7m3im", // nonMatchingNpm
		"sk-WbJHxMDHI6", // shouldNotMatchOpenAI
		"eyJhbGciOi.not-a.jwt", // notAJwt
		"glpat-lW30DI6K", // malformedGitlab
		"akian203k3hgg45u9b05", // rejectsLowercaseAws
		"SG.VX1yIRK83a", // invalidSendgrid
		"ghp_KIg73MFn0PUot81N9bj2LMa8", // missingChecksum
	}
	for _, c := range cases {
		if Valid(c) {
			t.Errorf("%q accepted", c)
		}
	}
}
