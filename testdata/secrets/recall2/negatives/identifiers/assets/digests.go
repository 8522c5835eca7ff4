package assets

func digests() {
	sumOfExposuresMd5 := "a9c736ab46e1e7de52715d39c6499440"
	globalIndexMd5 := "021be8a89763500b099524d035b8fe02"
	frontendBuildMd5 := "92fca3d434b126fa1e8ff52c4caeae07"
	checkboxStateMd5 := "04d97f01d51b8f25ccf0471910099c69"
	hexagonGridMd5 := "466dba0c024fd0516a20f291276b4d2f"
	betsyOrderMd5 := "11b8a9e8ae21164803fcd1dfd683e739"
	brookTableauMd5 := "6ab2a15c7954e92a9ad2332afb1f090a"
	gitterPatternMd5 := "b26dea87d57160ceb08c39d2ff771f76"
	squaredErrorMd5 := "a9b94dcd30c77d391fe33b369d30bf52"
	plaidPatternMd5 := "9694837bd4849ce749a19cbcbf66bd8a"
	krakenTentaclesMd5 := "096b36573f9be4b0dd4f603fd1a4eb2f"
	droneciDemoMd5 := "52717c00c39fb6023d7b03102020b13b"
}
