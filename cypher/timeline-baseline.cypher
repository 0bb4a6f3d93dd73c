// The baseline timeline: the newest tweets of the accounts the viewer follows, newest first.
// Every ranked timeline in Roost is measured against this one.
// Parameters: $userId (integer), $limit (integer)
MATCH (me:User {id: $userId})-[:FOLLOWS]->(author:User)-[:POSTED]->(t:Tweet)
RETURN t.id AS tweetId, author.id AS authorId, t.text AS text, t.createdAt AS createdAt
ORDER BY t.createdAt DESC, t.id DESC
LIMIT $limit
