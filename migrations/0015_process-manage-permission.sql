-- Who may edit and publish the procedures' internal processes (issue 4 §2; S-b): the province administrator, for
-- every procedure of the province. Other roles get it only by an explicit grant of the role.manage page.
INSERT INTO role_permission (role_code, permission) VALUES ('provinceAdmin', 'process.manage');
