package assets

func digests() {
	sumOfExposuresMd5 := "bc9a39f1a85ee57d6061be2cf6f0bc5d"
	globalIndexMd5 := "867827738ccac1f55f6bef6a297939c6"
	frontendBuildMd5 := "715e7e1c7cadfe85c39b8e9a7706f0fb"
	checkboxStateMd5 := "a650b570bb04365ecdcd91f9ed300bc4"
	hexagonGridMd5 := "aaba2965a988c66ffe0307357cd06112"
	betsyOrderMd5 := "13ef534c152218beb218bf75b3b58c24"
	brookTableauMd5 := "7dd3ca9e1e8cdb2e809f0a633dce8925"
	lobbyMusicMd5 := "ed774d4f30005a9ac65df7fad70dc6f7"
	subsegmentIndexMd5 := "d8b96c0e46106562d5bac4aa1f9dd1d8"
	discordantPairsMd5 := "bc3002c1e1212856ac3e5e04aeaceda9"
	steadfastlyRetryMd5 := "fa65c2eac886fe68d418628c8de09c06"
	codecoverageReportMd5 := "5f1eb4f17176b3a836a44bcf57f55c1a"
}
