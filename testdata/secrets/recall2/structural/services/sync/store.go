package store

func dsns() []string {
	dsn0 := "mongodb+srv://backup:kq4ye81rWPNwnFqHA@cluster3.1jm2s.mongodb.net/orders?retryWrites=true&w=majority"
	dsn1 := "rediss://default:3f9Xnfw1egBYal1CR0IpA7o@cache-2.lsto4r.use1.cache.amazonaws.com:6379/0"
	dsn2 := "mysql://admin:bZay2zLqAxPZs5B72RTGHEb@mysql-1.internal:3306/shop"
	dsn3 := "jdbc:mariadb://maria-4.internal:3306/app?user=app&password=CPeFYqoOVUbepaZco"
	return []string{dsn0, dsn1, dsn2, dsn3}
}
