-- PostgreSQL twin of ../0119_forum_mail_outbox.sql.
-- The e-mail about forum replies moves to the one outbox (auth's
-- mail_outbox, migration 0041; issues 17, 18, 19). forum_mail held ids
-- only and `rodzina forum mail` wrote the text when sending; the text is
-- now written when the reply is queued (zone_store.c, T_ZONE_MAIL_*), so
-- the rows still waiting get it here, with links as paths (the site's
-- address was given only when sending), and the table goes.
-- Numbered after every table it reads (0094) and outside the ranges other
-- work of this time holds (0075-0079, 0083-0089, 0097-0099).
INSERT INTO mail_outbox(kind, ref, recipient, subject, body, next_at,
                        created_at)
SELECT 'forum.reply', p.id, pr.email,
       'Nowa odpowiedź w wątku: ' || t.title,
       coalesce(au.name, a.login) || ' odpowiedział(a) w wątku „' || t.title
       || '” na forum specjalistów:

' || substr(p.body, 1, 500) || '

Cały wpis: /forum/watek/' || t.id || '#wpis-' || p.id || '

Te wiadomości wyłączysz na stronie /forum/konto.
',
       m.created_at, m.created_at
  FROM forum_mail m JOIN professional pr ON pr.account_id = m.account_id
  JOIN forum_post p ON p.id = m.post_id
  JOIN forum_thread t ON t.id = p.thread_id
  JOIN account a ON a.id = p.author_id
  LEFT JOIN professional au ON au.account_id = p.author_id
 WHERE m.sent_at IS NULL AND p.hidden = 0 AND pr.notify = 1
 ORDER BY m.id;
DROP TABLE forum_mail;
