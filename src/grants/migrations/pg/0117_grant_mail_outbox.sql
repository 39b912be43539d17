-- PostgreSQL twin of ../0117_grant_mail_outbox.sql.
-- The organisations' e-mail moves to the one outbox (auth's mail_outbox,
-- migration 0041; issues 17, 18, 19): what still waits in grant_mail is
-- queued there, about the organisation of its address, and the table goes.
-- Numbered after every table it reads (0071) and outside the ranges other
-- work of this time holds (0075-0079, 0083-0089, 0097-0099).
INSERT INTO mail_outbox(kind, ref, recipient, subject, body, next_at,
                        created_at)
SELECT 'grant.org',
       (SELECT min(o.id) FROM grant_org o WHERE o.email = g.to_addr),
       g.to_addr, g.subject, g.body, g.created_at, g.created_at
  FROM grant_mail g WHERE g.sent_at IS NULL ORDER BY g.id;
DROP TABLE grant_mail;
