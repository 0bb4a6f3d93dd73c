// The in-network candidate source of the mixed timeline: the newest tweets of the accounts the
// viewer follows, within a time window. (The Earlybird index serves the same question faster.)
// Parameters: $userId (integer), $since (epoch ms, inclusive), $limit (integer)
MATCH (me:User {id: $userId})-[:FOLLOWS]->(author:User)-[:POSTED]->(t:Tweet)
WHERE t.createdAt >= $since
RETURN t.id AS tweetId, author.id AS authorId, t.createdAt AS createdAt
ORDER BY t.createdAt DESC, t.id DESC
LIMIT $limit
