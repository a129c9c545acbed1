/**
 * The UI's text catalogues: the shared one (locales/en.json) plus one file per feature
 * (locales/<feature>.<lang>.json), each under its own top-level key, so features keep their words apart.
 */
import alertsEn from './locales/alerts.en.json';
import alertsFr from './locales/alerts.fr.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import inboxEn from './locales/inbox.en.json';
import inboxFr from './locales/inbox.fr.json';
import insightsEn from './locales/insights.en.json';
import insightsFr from './locales/insights.fr.json';
import listeningEn from './locales/listening.en.json';
import listeningFr from './locales/listening.fr.json';
import communityEn from './locales/community.en.json';
import communityFr from './locales/community.fr.json';
import reportsEn from './locales/reports.en.json';
import reportsFr from './locales/reports.fr.json';
import todayEn from './locales/today.en.json';
import todayFr from './locales/today.fr.json';

export const englishCatalogue = { ...en, listening: listeningEn, alerts: alertsEn, insights: insightsEn, inbox: inboxEn, community: communityEn, reports: reportsEn, today: todayEn };
export const frenchCatalogue = { ...fr, listening: listeningFr, alerts: alertsFr, insights: insightsFr, inbox: inboxFr, community: communityFr, reports: reportsFr, today: todayFr };
