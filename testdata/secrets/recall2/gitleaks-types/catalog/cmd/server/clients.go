package main

import (
	"log"
	"net/http"
)

func newClients() {
	gitlabToken := "glpat-LBijdQqXnNwBigwCoSDH"
	runnerAuthToken := "glrt-P0kDcRLw-kX5bOzcYD-b"
	npmToken := "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"
	datadogAppKey := "612181a3396abb4f089c51dd3ca3992f6843bee8"
	jiraApiToken := "ATATT3xFfGF0ZkTawyL39l8EaJ_Yppg4pkkNrOPB5tws9ZKdrdqC1rFx1HbNxQ018ORr_E0oFPttUGC8fVGBu862VsFkV1ThiBRkU_wBgjKkcZ9fu86TpZKCe3led6K_GM3walZLgj42EqNx3NyE3CqUCWkc7lXl6JVbc7BT2TB_Vk-1TcZLg-=7CDB1AD4"
	dropboxAccessToken := "sl.JWYS7gy-C5h2US0zL5DxM0Uklk8JiMcGvXNWeVO570eGu6b89Wp9OIAG_T_t2iEl6Wy_4TCF2nvOqH1vRp90JQ0NA7HzoHFldCKiqlCwInidATT2latctYbp9qSjKe1I5izdFTTu"
	oktaApiToken := "00yGiOBpQpZvgr2GNw_d09jmU1F-J-sG9hV8cDLf3C"
	log.Printf("clients ready: %d", 7)
	_ = gitlabToken
	_ = runnerAuthToken
	_ = npmToken
	_ = datadogAppKey
	_ = jiraApiToken
	_ = dropboxAccessToken
	_ = oktaApiToken
	_ = http.DefaultClient
}
