-- CreateTable
CREATE TABLE "CohortPost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'sending',
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "channelId" TEXT,
    "messageTs" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CohortPost_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IntroRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "classmateId" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "matches" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "contactId" TEXT,
    "createdContactId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    "requesterToldAt" DATETIME,
    CONSTRAINT "IntroRequest_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IntroRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IntroRequest_classmateId_fkey" FOREIGN KEY ("classmateId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "slackTz" TEXT,
    "tzOverride" TEXT,
    "workdayStartMinute" INTEGER NOT NULL DEFAULT 540,
    "workdayEndMinute" INTEGER NOT NULL DEFAULT 1050,
    "workDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "nudgeKindsOff" TEXT NOT NULL DEFAULT '',
    "pausedUntil" DATETIME,
    "targetGoal" INTEGER NOT NULL DEFAULT 8,
    "weeklyConversationGoal" INTEGER NOT NULL DEFAULT 2,
    "about" TEXT,
    "dmChannelId" TEXT,
    "cohortSharing" TEXT NOT NULL DEFAULT 'counts',
    "introsOpen" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Member_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Member" ("about", "createdAt", "dmChannelId", "id", "nudgeKindsOff", "pausedUntil", "slackTz", "slackUserId", "targetGoal", "tzOverride", "updatedAt", "weeklyConversationGoal", "workDays", "workdayEndMinute", "workdayStartMinute", "workspaceId") SELECT "about", "createdAt", "dmChannelId", "id", "nudgeKindsOff", "pausedUntil", "slackTz", "slackUserId", "targetGoal", "tzOverride", "updatedAt", "weeklyConversationGoal", "workDays", "workdayEndMinute", "workdayStartMinute", "workspaceId" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE INDEX "Member_updatedAt_idx" ON "Member"("updatedAt");
CREATE UNIQUE INDEX "Member_workspaceId_slackUserId_key" ON "Member"("workspaceId", "slackUserId");
CREATE TABLE "new_Cohort" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weeklyGoal" INTEGER NOT NULL DEFAULT 1,
    "digestWeekday" INTEGER NOT NULL DEFAULT 1,
    "digestHour" INTEGER NOT NULL DEFAULT 9,
    "digestMinute" INTEGER NOT NULL DEFAULT 0,
    "tz" TEXT NOT NULL DEFAULT 'UTC',
    "welcomeJoiners" BOOLEAN NOT NULL DEFAULT true,
    "createdByUserId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Cohort_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Cohort" ("channelId", "createdAt", "createdByUserId", "digestHour", "digestWeekday", "id", "name", "tz", "workspaceId") SELECT "channelId", "createdAt", "createdByUserId", "digestHour", "digestWeekday", "id", "name", "tz", "workspaceId" FROM "Cohort";
DROP TABLE "Cohort";
ALTER TABLE "new_Cohort" RENAME TO "Cohort";
CREATE UNIQUE INDEX "Cohort_workspaceId_channelId_key" ON "Cohort"("workspaceId", "channelId");
CREATE TABLE "new_CohortMembership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'student',
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" DATETIME,
    "welcomedAt" DATETIME,
    CONSTRAINT "CohortMembership_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CohortMembership_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CohortMembership" ("cohortId", "id", "joinedAt", "leftAt", "memberId", "role") SELECT "cohortId", "id", "joinedAt", "leftAt", "memberId", "role" FROM "CohortMembership";
DROP TABLE "CohortMembership";
ALTER TABLE "new_CohortMembership" RENAME TO "CohortMembership";
CREATE INDEX "CohortMembership_memberId_idx" ON "CohortMembership"("memberId");
CREATE UNIQUE INDEX "CohortMembership_cohortId_memberId_key" ON "CohortMembership"("cohortId", "memberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CohortPost_workspaceId_idx" ON "CohortPost"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "CohortPost_cohortId_kind_week_recipientId_key" ON "CohortPost"("cohortId", "kind", "week", "recipientId");

-- CreateIndex
CREATE INDEX "IntroRequest_workspaceId_idx" ON "IntroRequest"("workspaceId");

-- CreateIndex
CREATE INDEX "IntroRequest_status_createdAt_idx" ON "IntroRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "IntroRequest_requesterId_idx" ON "IntroRequest"("requesterId");

-- CreateIndex
CREATE INDEX "IntroRequest_classmateId_idx" ON "IntroRequest"("classmateId");

