// Roost schema. Applied idempotently at every start (roost.model.Schema holds the same statements;
// a test keeps the two equal). Run by hand with: cypher-shell -f cypher/schema.cypher
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT tweet_id IF NOT EXISTS FOR (t:Tweet) REQUIRE t.id IS UNIQUE;
CREATE RANGE INDEX tweet_created_at IF NOT EXISTS FOR (t:Tweet) ON (t.createdAt);
CREATE RANGE INDEX tweet_author_id IF NOT EXISTS FOR (t:Tweet) ON (t.authorId);
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (c:Community) REQUIRE c.id IS UNIQUE;
CREATE RANGE INDEX tweet_community_time IF NOT EXISTS FOR (t:Tweet) ON (t.communityTime);
