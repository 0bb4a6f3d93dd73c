// Communities: an analyst's guide. Queries to run in Neo4j Browser (or cypher-shell) against a
// Roost database after community detection (./roost communities; ./roost demo runs it on its
// first start). Each query ends with a semicolon; run them one at a time.
//
// Parameters: set them once in Browser, for example
//   :param userId => 42
//   :param communityId => 0
//   :param otherCommunityId => 1
// The graph: (:Community {id, size, name, topProducers, topTerms, previousId, previousSize, retained}),
// (:User)-[:KNOWN_FOR {score}]->(:Community), (:User)-[:INTERESTED_IN {score, rank}]->(:Community),
// interest vectors on users (interestedIn, interestedInScores) and community vectors on tweets
// (communities, communityScores, communityTime). Community ids are 0, 1, ... by size, largest first.
:param userId => 42;
:param communityId => 0;
:param otherCommunityId => 1;

// 1. The run at a glance: algorithm, number of communities, size distribution, modularity,
//    coverage, and how many follows and engagements have been applied live since.
CALL roost.communities.stats();

// 2. The largest communities, named after their most-followed producers and their top terms.
MATCH (c:Community)
RETURN c.id AS community, c.name AS name, c.size AS producers, c.topTerms AS terms
ORDER BY c.size DESC
LIMIT 20;

// 3. A community's producers, strongest KnownFor first, with their follower counts.
MATCH (u:User)-[k:KNOWN_FOR]->(:Community {id: $communityId})
RETURN u.id AS userId, u.handle AS handle, round(k.score, 3) AS knownFor,
       COUNT { (u)<-[:FOLLOWS]-() } AS followers
ORDER BY knownFor DESC, followers DESC
LIMIT 25;

// 4. For the graph view: a community, its 15 strongest producers and the follows among them.
MATCH (c:Community {id: $communityId})<-[k:KNOWN_FOR]-(u:User)
WITH c, u ORDER BY k.score DESC LIMIT 15
WITH c, collect(u) AS top
UNWIND top AS a
OPTIONAL MATCH (a)-[f:FOLLOWS]->(b:User) WHERE b IN top
RETURN c, a, f, b;

// 5. A user's communities as the timeline sees them now (live: follows and engagements since the
//    run are included): InterestedIn strongest first, and the community the user is known for.
CALL roost.communities.of($userId);

// 6. The same user's strongest communities as written by the run, with who else they follow there.
MATCH (me:User {id: $userId})-[i:INTERESTED_IN]->(c:Community)
OPTIONAL MATCH (me)-[:FOLLOWS]->(p:User)-[:KNOWN_FOR]->(c)
RETURN i.rank AS rank, c.id AS community, c.name AS name, round(i.score, 3) AS score,
       collect(p.handle)[..5] AS followedProducers
ORDER BY rank;

// 7. Bridges between two communities: users strongly interested in both.
MATCH (u:User)-[a:INTERESTED_IN]->(:Community {id: $communityId}),
      (u)-[b:INTERESTED_IN]->(:Community {id: $otherCommunityId})
RETURN u.id AS userId, u.handle AS handle, round(a.score, 3) AS first, round(b.score, 3) AS second
ORDER BY a.score * b.score DESC
LIMIT 20;

// 8. Bridges among producers: follows from one community's producers to the other's, most followed first.
MATCH (a:User)-[:KNOWN_FOR]->(:Community {id: $communityId}),
      (a)-[:FOLLOWS]->(b:User)-[:KNOWN_FOR]->(:Community {id: $otherCommunityId})
RETURN b.handle AS producer, count(a) AS followersFromFirst, collect(a.handle)[..5] AS some
ORDER BY followersFromFirst DESC
LIMIT 20;

// 9. Which communities overlap most: pairs sharing the most users among their top interests.
MATCH (c1:Community)<-[:INTERESTED_IN]-(u:User)-[:INTERESTED_IN]->(c2:Community)
WHERE c1.id < c2.id
RETURN c1.name AS first, c2.name AS second, count(u) AS sharedUsers
ORDER BY sharedUsers DESC
LIMIT 10;

// 10. A community's trending tweets now (live, decayed with the tweet half-life), with their text.
CALL roost.communities.top($communityId, {producers: 0, tweets: 10}) YIELD id, score, authorId
MATCH (t:Tweet {id: id})
RETURN t.id AS tweetId, authorId, round(score, 3) AS score, t.text AS text;

// 11. The same from the properties the run wrote: each tweet's score in the community, decayed
//     (8 h half-life) to the newest vector time.
MATCH (t:Tweet) WHERE t.communityTime IS NOT NULL
WITH max(t.communityTime) AS now
MATCH (t:Tweet) WHERE t.communityTime IS NOT NULL AND $communityId IN t.communities
WITH t, now, [i IN range(0, size(t.communities) - 1) WHERE t.communities[i] = $communityId | t.communityScores[i]][0] AS raw
RETURN t.id AS tweetId, t.text AS text,
       round(raw * 0.5 ^ ((now - t.communityTime) / 28800000.0), 3) AS score
ORDER BY score DESC
LIMIT 10;

// 12. How communities changed after a rerun: the previous community each one shares most
//     producers with, how many it kept, and how large that one was.
MATCH (c:Community)
RETURN c.id AS community, c.name AS name, c.size AS size, c.previousId AS previous,
       c.previousSize AS previousSize, c.retained AS kept,
       round(1.0 * coalesce(c.retained, 0) / c.size, 3) AS shareKept
ORDER BY size DESC
LIMIT 20;

// 13. Producers that moved in the rerun: known for a community other than the one that
//     continues their previous community. May be empty when nothing moved.
MATCH (u:User)-[:KNOWN_FOR]->(c:Community)
WHERE u.previousCommunity IS NOT NULL AND (c.previousId IS NULL OR u.previousCommunity <> c.previousId)
RETURN u.handle AS handle, u.previousCommunity AS previousCommunity, c.id AS community, c.name AS name
LIMIT 25;

// 14. The embedding-space candidate source for a user: tweets of their top communities, ranked
//     by the cosine between the user's interests and each tweet's community vector.
CALL roost.communities.similarTweets($userId, {limit: 10}) YIELD tweetId, authorId, score, communityId
MATCH (t:Tweet {id: tweetId})
RETURN tweetId, authorId, round(score, 3) AS score, communityId, t.text AS text;
