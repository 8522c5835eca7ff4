package main

import (
	"log"
	"net/http"
)

func newClients() {
	deepgramApiKey := "3d7359c5e903ca6a25db734c7731c4d51f87acdf"
	bigcommerceAccessToken := "ret062e9mofvnkmbn7kt8ohc1cerl3i"
	log.Printf("clients ready: %d", 2)
	_ = deepgramApiKey
	_ = bigcommerceAccessToken
	_ = http.DefaultClient
}
