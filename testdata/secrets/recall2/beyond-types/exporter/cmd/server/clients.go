package main

import (
	"log"
	"net/http"
)

func newClients() {
	deepsourceDsn := "https://0d642a79a665e62c4c380bb8f320729b@app.deepsource.com"
	segmentWriteKey := "ufbEBNzqFqRlDOk2KeTjAqjhJpLGMnZj"
	log.Printf("clients ready: %d", 2)
	_ = deepsourceDsn
	_ = segmentWriteKey
	_ = http.DefaultClient
}
