package store

func dsns() []string {
	dsn0 := "mongodb+srv://deploy:eSgg5Hm70OWKdL3RY1x@cluster3.x4kpf.mongodb.net/orders?retryWrites=true&w=majority"
	dsn1 := "rediss://default:PYF17Ep5WI3Hud8xGg@cache-2.ccnk6d.use1.cache.amazonaws.com:6379/0"
	dsn2 := "mysql://deploy:sdVxBwrLo5h0tdadNlj@mysql-1.internal:3306/shop"
	dsn3 := "jdbc:mariadb://maria-4.internal:3306/app?user=admin&password=Qt1zhDq7mgP1oWWZq9"
	return []string{dsn0, dsn1, dsn2, dsn3}
}
