/** What a text points at: hashtags, mentions, links, keywords and the workspace's named things. */
export { extractHashtags, findHashtags, type HashtagMatch } from './hashtags.js';
export { extractMentions, findMentions, type MentionMatch } from './mentions.js';
export { extractUrls, findUrls, type UrlMatch } from './urls.js';
export { extractKeywords } from './keywords.js';
export { compileNamedThings, findNamedThings, type NamedThingsMatcher } from './named-things.js';
