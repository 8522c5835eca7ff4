package main

import (
	"log"
	"net/http"
)

func newClients() {
	prefectApiKey := "pnu_zBLxiHUSZHMqannzh2UX9c3NB4ds2aaaIVtL"
	zendeskApiToken := "SJ0DQja3PyfCumSfePtY99IdKChrQPjIyBABOKqF"
	messagebirdAccessKey := "xjSZmvn8A0Y1WCFr1SijgjdcC"
	log.Printf("clients ready: %d", 3)
	_ = prefectApiKey
	_ = zendeskApiToken
	_ = messagebirdAccessKey
	_ = http.DefaultClient
}
