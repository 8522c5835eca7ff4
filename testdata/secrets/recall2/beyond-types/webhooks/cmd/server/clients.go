package main

import (
	"log"
	"net/http"
)

func newClients() {
	langsmithApiKey := "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"
	googleClientSecret := "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"
	paddleApiKey := "pdl_live_apikey_gj1ulpbuzv5hkeeaa8dqn7d5o3_b6tzOYLnozF0NB0FsTYS5gaWUzw_wBs"
	trelloToken := "ATTA072dc62bc4d8dce3ab25cc26c623f395f726c0451dba31951b0f36e4392f95e47287616B"
	vultrApiKey := "HX5KT0MH1N4B0G9WANMSGULL70CI18G24MKP"
	uptimerobotApiKey := "u2286187-ee654a4733e722c33d600b64"
	volcengineAccessKey := "AKLTnfKdYYTHywXi6AKiKCc4jsr8LCIGsALH0PtExNni"
	volcengineSecretKey := "KKQkuEAPNleMhZAxDrGAqeGT5KK0dHUj7JczoolSwzu1xOSGRhlMEKsb0s0g"
	log.Printf("clients ready: %d", 7)
	_ = langsmithApiKey
	_ = googleClientSecret
	_ = paddleApiKey
	_ = trelloToken
	_ = vultrApiKey
	_ = uptimerobotApiKey
	_ = volcengineSecretKey
	_ = volcengineAccessKey
	_ = http.DefaultClient
}
