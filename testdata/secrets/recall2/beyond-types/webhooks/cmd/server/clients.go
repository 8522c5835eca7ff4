package main

import (
	"log"
	"net/http"
)

func newClients() {
	resendApiKey := "re_l6PKaDgo_D4IHQAxeAKdTfkhgn0T1nshi"
	deepseekApiKey := "sk-934f7643225e7dcaa4f7bede393a83fa"
	vonageApiKey := "5304269d"
	vonageApiSecret := "44rhU42KYlvsJXhY"
	postmarkServerToken := "c7afeac3-a600-4c6f-a255-526a536d959b"
	ngrokAuthtoken := "24G7NVAnwJtwdQCm7RqDumipU1h_Qfc6eZnkMzhvb0DCiIte6"
	bwsAccessToken := "0.31384a7c-514a-4042-9ae9-352ed658fb7c.11v84HOANuepXidstQpOqsTQvfF0nK:fDnChZoDQDufTUAlpg/sEg=="
	portainerApiKey := "ptr_2KH8iL-fRhuEixfQ3y6KgY4uuQUDPeFUoC8CFfQOCr2"
	log.Printf("clients ready: %d", 7)
	_ = resendApiKey
	_ = deepseekApiKey
	_ = vonageApiSecret
	_ = vonageApiKey
	_ = postmarkServerToken
	_ = ngrokAuthtoken
	_ = bwsAccessToken
	_ = portainerApiKey
	_ = http.DefaultClient
}
